/**
 * dockerfile-ast checks for a byte-order mark with Node's `Buffer`, which browsers and web
 * workers do not have, so every parse threw there. The same check without `Buffer`: the only
 * character whose UTF-8 bytes are EF BB BF is U+FEFF.
 */
import { Util } from 'dockerfile-ast/lib/util';

Util.isUTF8BOM = (char: string): boolean => char === '\uFEFF';
