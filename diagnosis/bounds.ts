/**
 * The bounds the diagnosis index explores: `npm run explore`'s default bounds (the source's deployment, its
 * three servers failing and coming back in any order, two messages, two logins, a logout, one customer) with a
 * third move of time. Time moves to the next moment one of the model's thresholds passes, and the source's
 * red square ("Customer not connected", customerNotConnectedAfter, 240 s) is the third threshold after a
 * failure (60, 180, 240 s): with the default two moves no explored state shows it.
 */
import { DEFAULT_BOUNDS, type Bounds } from '../exploration/state-space/bounds';

export const DIAGNOSIS_BOUNDS: Bounds = Object.freeze<Bounds>({ ...DEFAULT_BOUNDS, waits: 3 });
