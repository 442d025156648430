import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { CccFailure } from '../response/cccFailure';

/** A failed CCC call: Alibaba's code and message up front, RequestId, HTTP status and a fix in the description. */
export class CccApiError extends NodeApiError {
	constructor(
		node: INode,
		readonly ccc: CccFailure,
		itemIndex: number,
	) {
		super(node, { ...ccc }, {
			message: `${ccc.code}: ${ccc.message}`,
			description: [
				ccc.hint,
				`RequestId: ${ccc.requestId ?? 'none'}, HTTP status: ${ccc.httpStatus}`,
			]
				.filter(Boolean)
				.join('. '),
			httpCode: String(ccc.httpStatus),
			itemIndex,
		});
	}
}
