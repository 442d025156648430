import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { CccApiError } from '../transport/cccApiError';

/**
 * n8n routes an item to the error output only when its JSON holds nothing but `error`, `message` and `details`,
 * so everything else the user needs (Alibaba's code, RequestId, HTTP status, the fix) goes inside `details`.
 */
export function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	const details: IDataObject =
		error instanceof CccApiError
			? { ...error.ccc, itemIndex }
			: { ...(error.description ? { hint: error.description } : {}), itemIndex };
	return { json: { error: error.message, details }, pairedItem: { item: itemIndex } };
}

/**
 * Runs `perItem` for every input item and keeps one output item per input item, paired to it: its data, or, with
 * "On Error: Continue", its error. Without it, the first failure stops the node, naming the item.
 */
export async function runPerItem(
	context: IExecuteFunctions,
	perItem: (itemIndex: number) => Promise<IDataObject>,
): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			output.push({ json: await perItem(itemIndex), pairedItem: { item: itemIndex } });
		} catch (caught) {
			const error =
				caught instanceof NodeOperationError || caught instanceof NodeApiError
					? caught
					: new NodeOperationError(context.getNode(), caught as Error, { itemIndex });
			if (!context.continueOnFail()) throw error;
			output.push(errorItem(error, itemIndex));
		}
	}
	return [output];
}
