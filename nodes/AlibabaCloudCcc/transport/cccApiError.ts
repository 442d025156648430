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
				ccc.clockCorrectionMs === undefined ? undefined : clockCorrected(ccc.clockCorrectionMs),
				`RequestId: ${ccc.requestId ?? 'none'}, HTTP status: ${ccc.httpStatus ?? 'no answer'}`,
			]
				.filter(Boolean)
				.join('. '),
			...(ccc.httpStatus ? { httpCode: String(ccc.httpStatus) } : {}),
			itemIndex,
		});
	}

	/** The same failure, told with the number of attempts it took and the clock correction, if any. */
	afterAttempts(attempts: number, clockCorrectionMs?: number): CccApiError {
		if (attempts <= 1 && clockCorrectionMs === undefined) return this;
		const told = { ...(attempts > 1 ? { attempts } : {}), ...(clockCorrectionMs === undefined ? {} : { clockCorrectionMs }) };
		return new CccApiError(this.node, { ...this.ccc, ...told }, this.itemIndex);
	}
}

function clockCorrected(offsetMs: number): string {
	const minutes = Math.round(Math.abs(offsetMs) / 60_000);
	return `This machine's clock is about ${minutes} minutes ${offsetMs > 0 ? 'behind' : 'ahead of'} Alibaba Cloud's: the call was also sent once more with the gateway's time, besides the attempts`;
}
