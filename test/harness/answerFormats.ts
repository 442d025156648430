import type { SimulatorOptions } from '../../simulator/cccSimulator';

/** The answer shapes CCC's gateway sends: JSON, XML, and JSON with numbers and booleans as strings. */
export const ANSWER_FORMATS: ReadonlyArray<readonly [string, SimulatorOptions]> = [
	['JSON answers', {}],
	['XML answers', { forceXml: true }],
	['numbers sent as strings', { stringlyTyped: true }],
];

/** Each field's JavaScript type, to hold an output item to the types the SDK's models give. */
export const fieldTypes = (json: Record<string, unknown>): Record<string, string> =>
	Object.fromEntries(Object.entries(json).map(([name, value]) => [name, typeof value]));
