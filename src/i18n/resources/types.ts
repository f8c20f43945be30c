import type { Translation } from '../../shared/messages/text/translation';
import type { en } from './en';

/** The shape of every locale's resources: en's, see Translation. */
export type Resources = Translation<typeof en>;
