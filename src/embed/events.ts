/**
 * The DOM events a `<wheelhouse-cell>` dispatches, so a host page or an LMS can follow what
 * learners do. Every event bubbles and is composed (it leaves shadow roots), so one listener on
 * `document` hears every cell; `event.target` is the cell. docs/embedding.md documents them.
 */
import type { CheckResult } from '../runtime/protocol';

export type RunMode = 'run' | 'check';

export interface RunStartDetail {
  mode: RunMode;
  /** The code as it is run. */
  code: string;
}

export interface OutputDetail {
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface RunEndDetail {
  mode: RunMode;
  /** The code ran to its end without an exception. */
  ok: boolean;
  durationMs: number;
  /** What went wrong, when not ok. `line` is the line of the cell's code, when known. */
  error?: { type: string; message: string; line: number | null };
  /** Stop ended the run (or cancelled it before Python started it). */
  stopped: boolean;
  /** The interpreter was replaced during the run (Stop without isolation, or a crash). */
  stateReset: boolean;
}

export interface CheckDetail {
  /** Every check passed (and there was at least one). */
  passed: boolean;
  /** One entry per check; empty when the code raised before the checks could run. */
  results: CheckResult[];
}

export interface CellEventDetails {
  'wheelhouse:run-start': RunStartDetail;
  'wheelhouse:output': OutputDetail;
  'wheelhouse:run-end': RunEndDetail;
  'wheelhouse:check': CheckDetail;
}

export type CellEventName = keyof CellEventDetails;

export type EmitCellEvent = <Name extends CellEventName>(
  name: Name,
  detail: CellEventDetails[Name],
) => void;

export function cellEventEmitter(target: EventTarget): EmitCellEvent {
  return (name, detail) =>
    target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
