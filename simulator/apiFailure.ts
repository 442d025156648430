/** A refusal the simulated gateway answers instead of `Data`. */
export class ApiFailure extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		/** Refused by the gateway itself (authentication, routing): HostId and Recommend instead of HttpStatusCode. */
		readonly gateway = false,
		/** CCC's `Params`: for a state refusal, the actual state, then the accepted ones. */
		readonly params: readonly string[] = [],
		/** Headers the refusal carries besides the usual ones. */
		readonly headers: Readonly<Record<string, string>> = {},
	) {
		super(message);
	}
}

/** The parameter CCC names when a required one is absent. */
export const missingParameter = (name: string) =>
	new ApiFailure(400, 'MissingParameter', `The input parameter "${name}" that is mandatory for processing this request is not supplied.`, true);

/** CCC's refusal of a parameter's value. */
export const invalidParameter = (name: string, message: string) =>
	new ApiFailure(400, 'InvalidParameter', `The specified parameter ${name} is not valid: ${message}.`);

/** A page bound (PageNumber, PageSize) from 1 to `max`, required as CCC requires it of every listing. */
export function pageBound(params: Readonly<Record<string, string>>, name: string, max: number): number {
	if (!params[name]) throw missingParameter(name);
	const value = Number(params[name]);
	if (!Number.isInteger(value) || value < 1 || value > max) throw invalidParameter(name, `${params[name]} is not from 1 to ${max}`);
	return value;
}
