/**
 * The steps of a score run, published on a diagnostics channel as each ends, so a benchmark can
 * read the CPU and memory each took without the run knowing of it (nothing is done when no one
 * listens). Node only.
 */
import { channel } from 'node:diagnostics_channel';

/** Channel `siteselect:score-step`: the name of the step that just ended. */
export const SCORE_STEP_CHANNEL = 'siteselect:score-step';

const steps = channel(SCORE_STEP_CHANNEL);

/** Says that `step` has ended. */
export function stepEnded(step: string): void {
  if (steps.hasSubscribers) steps.publish(step);
}
