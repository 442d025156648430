import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { FieldTypes } from '../response/normalizeFields';
import { callCcc, newCccSession, type CccParams } from '../transport/cccRequest';
import { readCallOptions, retryPolicyOf } from './callOptions';
import { runPerItem } from './runPerItem';

export interface CccAction {
	readonly action: string;
	/** The documented types of the action's `Data` fields. */
	readonly dataTypes: FieldTypes;
	/** Reads and checks one item's API parameters (throwing a NodeOperationError that names the field and item). */
	readonly readParams: (itemIndex: number) => CccParams;
}

/**
 * The execute loop of a CCC action node: one signed call per input item, paced and retried as the node's Options
 * say; each item's JSON becomes the answer's `Data` (or the whole answer without Simplify).
 */
export async function runCccAction(context: IExecuteFunctions, { action, dataTypes, readParams }: CccAction): Promise<INodeExecutionData[][]> {
	if (context.getInputData().length === 0) return [[]];
	// How fast the run goes is one setting for the whole run: the first item's.
	const pace = readCallOptions(context, 0);
	const session = newCccSession(pace.maxRequestsPerSecond);
	return await runPerItem(
		context,
		async (itemIndex): Promise<IDataObject> => {
			const params = readParams(itemIndex);
			const options = readCallOptions(context, itemIndex);
			const envelope = await callCcc(
				context,
				{ action, params, dataTypes, itemIndex, timeout: options.timeout, retry: retryPolicyOf(options) },
				session,
			);
			return options.simplify ? (envelope.Data ?? {}) : envelope;
		},
		pace.concurrency,
	);
}
