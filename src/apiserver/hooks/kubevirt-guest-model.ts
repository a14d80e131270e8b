/**
 * What KubeVirt's subresources need from the data plane, as an interface the
 * composition root fills (the twin's guest model, later the qemu agent): the serial
 * console of a VMI, what its guest agent reports, and a soft reboot.
 */
import type { KubeObject } from '../../api/types.js';

/** Reads a Secret `namespace/name` (already fetched). */
export type SecretLookup = (namespace: string, name: string) => KubeObject | undefined;

/** A console connection: the guest's output so far, lines still to come, and typed input. */
export interface ConsoleStream {
  /** Output already on the serial port. */
  backlog: string;
  /** Output yet to appear, in milliseconds from now. */
  upcoming: { inMs: number; text: string }[];
  /** Milliseconds until the getty reads input (0 when it already does). */
  readsInputInMs: number;
  /** Feeds typed bytes at a time; returns the guest's echo and answers. */
  input(data: string, atMs: number): string;
}

/** What a connected guest agent reports (`guestosinfo`, `userlist`, `filesystemlist`). */
export interface GuestAgentInfo {
  guestAgentVersion: string;
  hostname: string;
  os: Record<string, string>;
  timezone: string;
  users: { userName: string; loginTime: number }[];
  filesystems: { diskName: string; mountPoint: string; fileSystemType: string; usedBytes: number; totalBytes: number; disk?: { busType: string; serial?: string }[] }[];
}

/** The data plane behind console, vnc and the guest-agent subresources. */
export interface GuestModel {
  console(vmi: KubeObject, secrets: SecretLookup, nowMs: number): ConsoleStream;
  /** Undefined when no agent is connected. */
  agentInfo(vmi: KubeObject, secrets: SecretLookup, nowMs: number, claimBytes: (claim: string) => number | undefined): GuestAgentInfo | undefined;
  /** Metadata annotations that restart the guest's boot now (soft reboot). */
  rebootAnnotations(nowMs: number): Record<string, string>;
}
