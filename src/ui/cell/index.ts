export { default as Cell } from './Cell.svelte';
export { CellController, type CellOptions } from './cell.svelte';
export { OutputLog } from './output-log.svelte';
