// STUB — implemented by the reminders work. Signatures are the contract.
import type { NoticeInfo } from '../core/messages';

/** Registers alarm and notification listeners; call synchronously from the background's start. */
export function initReminders(): void {}

/** Recomputes the next reminder alarm from packs and settings. */
export async function reconcileReminders(): Promise<void> {}

/** Today's in-page notice, unless reminders are off or the user dismissed it today. */
export async function currentNotice(): Promise<NoticeInfo | null> {
  return null;
}

export async function dismissNotice(_id: string): Promise<void> {}

export async function reminderStatus(): Promise<{
  notificationsFailed: boolean;
  pending: NoticeInfo | null;
}> {
  return { notificationsFailed: false, pending: null };
}
