/**
 * A lost WebGPU device (a driver reset, the GPU process restarted, a laptop switching GPUs). tfjs
 * does not recover from it: every later kernel on that backend fails. What follows depends on
 * whether the run still trains on WebGPU:
 * - it does: the worker is lost with it, and the page restarts the worker (the run reopens at its
 *   last checkpoint);
 * - it has moved to another backend since (a measured choice, a fallback): training goes on
 *   untouched, and the WebGPU backend is only renewed, so that a later run that picks WebGPU gets
 *   a fresh device instead of the lost one.
 */
import * as tf from '@tensorflow/tfjs';
import type { Message } from '../../shared/messages/message';
import { message } from '../../shared/messages/message';

export interface DeviceLossHost {
  /** The backend tfjs trains on now. */
  activeBackend(): string;
  /** Forgets the lost device, so that the next use creates a new one; false when it could not. */
  renew(): boolean;
  /** Tells the page, which restarts the worker. */
  report(why: Message): void;
}

export function onDeviceLost(host: DeviceLossHost, reason: string | undefined): void {
  if (host.activeBackend() !== 'webgpu') {
    console.warn(`LayerLab: the WebGPU device was lost while unused (${reason ?? 'no reason'}).`);
    if (host.renew()) return;
    // The lost instance could not be dropped: only a new worker gets a working WebGPU.
  }
  host.report(
    reason ? message('worker.deviceLost', { reason }) : message('worker.deviceLostNoReason'),
  );
}

/**
 * Drops tfjs's instance of backend `name` and registers its factory again: the next
 * `setBackend(name)` builds a new instance (for WebGPU, with a new adapter and device). Not for
 * the backend in use (tfjs would then have none). False when it could not: tfjs disposes the
 * instance before it lets go of it, so an instance whose disposal throws stays registered.
 */
export function renewBackend(name: string, priority: number): boolean {
  const factory = tf.findBackendFactory(name);
  if (!factory || tf.getBackend() === name) return false;
  try {
    tf.removeBackend(name);
  } catch (error) {
    console.warn(`LayerLab: disposing the lost ${name} backend failed:`, error);
    return false;
  }
  return tf.registerBackend(name, factory, priority);
}
