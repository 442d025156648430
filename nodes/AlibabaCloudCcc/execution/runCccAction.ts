import type { IDataObject, IExecuteFunctions, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { CccEnvelope } from '../response/cccEnvelope';
import type { HintContext } from '../response/errorHints';
import { normalizeFields } from '../response/normalizeFields';
import { callCcc, newCccSession, type CccAnswer, type CccParams, type CccRequest, type CccSession } from '../transport/cccRequest';
import { defaultCallOptions, readCallOptions, retryPolicyOf, type CallOptions } from './callOptions';
import { runPerItem } from './runPerItem';
import { throttlingHint } from './throttlingHint';

/** The calls one item may make besides its action: signed, paced, retried and cancelled like the action itself. */
export interface CccItemCalls {
	call(request: CccRequest): Promise<CccAnswer>;
	/** Tells the user something about this item that is not an error: one execution hint per message, naming its items. */
	hint(message: string): void;
}

export interface CccAction extends Omit<CccRequest, 'params' | 'hintContext'> {
	/**
	 * Reads and checks one item's API parameters (throwing a NodeOperationError that names the field and item); may
	 * first make calls of its own, such as a lookup the parameters depend on.
	 */
	readonly readParams: (itemIndex: number, calls: CccItemCalls) => CccParams | Promise<CccParams>;
	/** What the node knows of one item's call that changes the hint of its failure. */
	readonly hintContextOf?: (itemIndex: number) => HintContext;
}

/** With Simplify, an item per struct of `Data` (a list action gives one per entry, maybe none); else the whole answer. */
function outputOf(envelope: CccEnvelope, { dataTypes, dataIsList }: Omit<CccRequest, 'params'>, simplify: boolean): IDataObject[] {
	if (!simplify) return [envelope];
	if (dataIsList) return Array.isArray(envelope.Data) ? envelope.Data : [];
	return [(envelope.Data as IDataObject | undefined) ?? normalizeFields(undefined, dataTypes)];
}

/**
 * The execute loop of a CCC node: per input item, the calls `perItem` makes (one or many), all paced by one pacer
 * (Max Requests per Second and the rate learned from CCC's throttling count every request) and retried as the
 * node's Options say; its output items are paired to the item. A run that CCC throttled ends with a hint saying so.
 */
export async function runCccCalls(
	context: IExecuteFunctions,
	perItem: (itemIndex: number, calls: CccItemCalls, options: CallOptions) => Promise<IDataObject[]>,
): Promise<INodeExecutionData[][]> {
	if (context.getInputData().length === 0) return [[]];
	let pace: CallOptions;
	let session: CccSession;
	try {
		// How fast the run goes is one setting for the whole run: the first item's.
		pace = readCallOptions(context, 0);
		session = newCccSession(context, pace.maxRequestsPerSecond);
	} catch (error) {
		// What fails for the whole run fails every item alike. Thrown from here, it would make n8n's "On Error:
		// Continue" pass every input item on as a success, with nothing sent.
		return await runPerItem(context, async () => await Promise.reject(error));
	}
	const hinted = new Map<string, number[]>();
	const output = await runPerItem(
		context,
		async (itemIndex): Promise<IDataObject[]> => {
			const options = readCallOptions(context, itemIndex);
			const calls: CccItemCalls = {
				call: async (request) =>
					await callCcc(context, { ...request, itemIndex, timeout: options.timeout, retry: retryPolicyOf(options) }, session),
				hint: (message) => hinted.set(message, [...(hinted.get(message) ?? []), itemIndex]),
			};
			return await perItem(itemIndex, calls, options);
		},
		pace.concurrency,
	);
	for (const [message, items] of hinted) {
		const sorted = [...items].sort((a, b) => a - b);
		context.addExecutionHints({ message: `${message} (item${sorted.length > 1 ? 's' : ''} ${sorted.join(', ')})`, location: 'outputPane' });
	}
	const { throttling } = session.pacer;
	if (throttling) context.addExecutionHints({ message: throttlingHint(throttling), location: 'outputPane' });
	return output;
}

/**
 * The calls of one poll of a trigger: signed, paced, retried and timed out as an action node's with its Options at
 * their defaults. A poll has no execution to hint to: its errors say what went wrong.
 */
export function pollCalls(context: IPollFunctions): CccItemCalls {
	const options = defaultCallOptions();
	const session = newCccSession(context, options.maxRequestsPerSecond);
	return {
		call: async (request) => await callCcc(context, { ...request, itemIndex: 0, timeout: options.timeout, retry: retryPolicyOf(options) }, session),
		hint: () => {},
	};
}

/** A node of one CCC action: per input item, the calls `readParams` makes, then one call of the action. */
export async function runCccAction(context: IExecuteFunctions, { readParams, hintContextOf, ...action }: CccAction): Promise<INodeExecutionData[][]> {
	return await runCccCalls(context, async (itemIndex, calls, options) => {
		const params = await readParams(itemIndex, calls);
		const { envelope } = await calls.call({ ...action, params, hintContext: hintContextOf?.(itemIndex) });
		return outputOf(envelope, action, options.simplify);
	});
}
