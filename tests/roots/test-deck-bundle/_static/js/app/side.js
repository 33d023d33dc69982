import {record} from "./log.js";
import {FACTOR} from "./numbers.js";

const secret = 'not a global';
record('side' + FACTOR);
