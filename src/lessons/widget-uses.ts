/** Which lessons show a widget (a lab's fence, such as `resolver-lab`), read from the packs. */
import type { PackLoad } from './model';
import { allStops, orderPacks, type Stop } from './path';

export interface WidgetUse extends Stop {
  /** How many blocks of the lesson show it. */
  count: number;
}

/** In path order, then the opened packs'. */
export function lessonsUsing(loads: readonly PackLoad[], widget: string): WidgetUse[] {
  return allStops(orderPacks(loads)).flatMap((stop) => {
    const count = stop.lesson.blocks.filter(
      (block) => block.kind === 'widget' && block.widget === widget,
    ).length;
    return count ? [{ ...stop, count }] : [];
  });
}
