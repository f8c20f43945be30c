/**
 * English sentences made outside the components, as Messages (src/messages/message.ts): the `messages`
 * group of the UI text. Grouped by where they are made. zh-CN has the same keys in
 * messages.zh-CN.ts (src/i18n/resources.test.ts checks).
 */
export const messagesEn = {
  /** Shared by every group. */
  common: {
    /** Another message, shown as it is (e.g. an error from a library, which has no translation). */
    verbatim: '{{text}}',
  },
};
