// Vitest setup: every message group known at once, as in the worker (the page adds some later).
import '../shared/messages/lateMessages';
