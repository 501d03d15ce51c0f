/**
 * Discord's documented size limits for what a bot posts. Every reply is built to fit these
 * (see message.ts), so Discord never rejects one for size.
 */
export const DiscordLimits = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  /** Sum of title, description, field names and values, footer and author over all embeds of a message. */
  embedTotal: 6000,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  customId: 100,
} as const;
