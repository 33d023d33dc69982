/* Runs last: every module it imports has run, each once. */
import {count, record} from "./log.js";
import {twice as double} from "./numbers.js";
import "./side.js";

record('main');
document.documentElement.dataset.result = JSON.stringify({double: double(21), count: count()});
