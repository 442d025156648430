import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { CccFailure } from '../response/cccFailure';

/**
 * A failed CCC call: Alibaba's code and message up front; RequestId, HTTP status and a fix in the description.
 * Built from the failure alone, never from n8n's request error, which holds the signed URL and Authorization header.
 */
export class CccApiError extends NodeApiError {
	constructor(
		node: INode,
		readonly ccc: CccFailure,
		readonly itemIndex: number,
	) {
		const attempts = ccc.attempts ? ` (gave up after ${ccc.attempts} attempts)` : '';
		super(node, { ...ccc }, {
			message: `${ccc.code}: ${ccc.message}${attempts}`,
			description: [
				ccc.hint,
				`RequestId: ${ccc.requestId ?? 'none'}, HTTP status: ${ccc.httpStatus ?? 'no answer'}`,
			]
				.filter(Boolean)
				.join('. '),
			...(ccc.httpStatus ? { httpCode: String(ccc.httpStatus) } : {}),
			itemIndex,
		});
	}

	/** The same failure, told with the number of attempts it took. */
	afterAttempts(attempts: number): CccApiError {
		return attempts > 1 ? new CccApiError(this.node, { ...this.ccc, attempts }, this.itemIndex) : this;
	}
}
