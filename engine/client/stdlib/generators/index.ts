import {dark} from "./dark.js";
import {input} from "./input.js";
import {now} from "./now.js";
import {observe} from "./observe.js";
import {queue} from "./queue.js";
import {width} from "./width.js";

/** Observable's `Generators`, and the `now` and `dark` builtins (each a function the runtime calls once). */
export const Generators = {dark, input, now, observe, queue, width};
export {dark, now};
