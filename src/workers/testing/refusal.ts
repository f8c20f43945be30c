import { englishText } from '../../shared/messages/englishText';
import { toMessage } from '../../shared/messages/messageError';

/** The English text a request handler failed with (what the UI would show); throws if it answered. */
export async function refusal(answer: Promise<unknown>): Promise<string> {
  try {
    await answer;
  } catch (error) {
    return englishText(toMessage(error));
  }
  throw new Error('The request was answered, not refused.');
}
