/**
 * What reading packs takes: the built-in packs, the lesson parser (with every widget it
 * validates: the labs, YAML) and the built-pack schema. The library loads it with its first
 * load, so pages that never show a pack (the playground) never download or parse it.
 */
export { loadBuiltinPacks } from './builtin';
export { toPackLoad } from './parse-pack';
export { builtPackSchema } from './schema';
