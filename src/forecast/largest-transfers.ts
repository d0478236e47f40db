/**
 * A site's largest transfers from the per-outlet sums of one forecast.
 */
import type { Transfer } from './forecast-sites.ts';

/**
 * The `top` largest non-zero entries of `loss` times `scale`, largest first (ties: lower outlet
 * first); zeroes `loss` for the next site. A pass over every own outlet per site is cheaper than
 * marking the outlets met among the ~10⁵ pairs a site visits, for networks up to tens of thousands.
 */
export function largestTransfers(loss: Float64Array, scale: number, top: number): Transfer[] {
  const list: Transfer[] = [];
  for (let j = 0; j < loss.length; j++) {
    if (loss[j] === 0) continue;
    const amount = scale * loss[j];
    loss[j] = 0;
    if (list.length === top) {
      if (!(amount > list[top - 1].amount)) continue;
      list.pop();
    }
    let at = list.length;
    while (at > 0 && list[at - 1].amount < amount) at--;
    list.splice(at, 0, { outlet: j, amount });
  }
  return list;
}
