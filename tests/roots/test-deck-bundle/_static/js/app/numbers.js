import {record} from "./log.js";

record('numbers');

export const FACTOR = 2;

export function twice(n) {
  return n * FACTOR;
}
