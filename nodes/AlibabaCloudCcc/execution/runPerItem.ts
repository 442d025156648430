import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { CccApiError } from '../transport/cccApiError';
import { routesErrorDetails } from './n8nLine';
import { yieldToPendingIo } from './yieldToPendingIo';

/**
 * An item goes to n8n's error output when its JSON holds `error` and, since n8n 2.36, also `details`: there everything
 * the user needs (Alibaba's code, RequestId, HTTP status, the fix) goes inside `details`. Older n8n (1.x, 2.0-2.35)
 * route only `{error}` or `{error, message}`, and an item that carries `INodeExecutionData.error` has its JSON cut to
 * `{error}` on every line; so on those the error output gets the same facts as text in `message`.
 */
function errorItem(context: IExecuteFunctions, error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	if (context.getNode().onError === 'continueErrorOutput' && !routesErrorDetails()) {
		return { json: { error: error.message, message: error.description || error.message }, pairedItem: { item: itemIndex } };
	}
	const details: IDataObject =
		error instanceof CccApiError
			? { ...error.ccc, itemIndex }
			: { ...(error.description ? { hint: error.description } : {}), itemIndex };
	return { json: { error: error.message, details }, pairedItem: { item: itemIndex } };
}

/**
 * Runs `perItem` for every input item, up to `concurrency` at a time in a sliding window (a finished item makes room
 * for the next at once), and keeps its output items in input order, each paired to its input item: what `perItem`
 * returned (none, one or several), or, with "On Error: Continue", one error item. Without it, the first failure (by
 * item order) stops the node, naming the item; items already in flight finish first, and no new one starts.
 */
export async function runPerItem(
	context: IExecuteFunctions,
	perItem: (itemIndex: number) => Promise<IDataObject[]>,
	concurrency = 1,
): Promise<INodeExecutionData[][]> {
	const count = context.getInputData().length;
	const output: INodeExecutionData[][] = new Array(count);
	const failures: Array<NodeApiError | NodeOperationError> = [];
	let next = 0;

	const worker = async () => {
		while (next < count && failures.length === 0) {
			const itemIndex = next++;
			if (concurrency > 1) await yieldToPendingIo();
			try {
				output[itemIndex] = (await perItem(itemIndex)).map((json) => ({ json, pairedItem: { item: itemIndex } }));
			} catch (caught) {
				const error =
					caught instanceof NodeOperationError || caught instanceof NodeApiError
						? caught
						: new NodeOperationError(context.getNode(), caught as Error, { itemIndex });
				if (context.continueOnFail()) output[itemIndex] = [errorItem(context, error, itemIndex)];
				else failures.push(error);
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));

	if (failures.length > 0) {
		throw failures.reduce((first, error) => (itemIndexOf(error) < itemIndexOf(first) ? error : first));
	}
	return [output.flat()];
}

const itemIndexOf = (error: NodeApiError | NodeOperationError): number =>
	Number(error.context.itemIndex ?? Number.MAX_SAFE_INTEGER);
