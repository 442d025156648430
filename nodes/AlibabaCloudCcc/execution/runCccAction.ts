import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

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
	/**
	 * What settles a failed call after all, if anything: an item that stands for it (the agent already there), or the
	 * answer of calls that got there another way (signed in, then readied), with fields that say how.
	 */
	readonly settledBy?: (params: CccParams, error: unknown, calls: CccItemCalls, itemIndex: number) => Settled | undefined | Promise<Settled | undefined>;
}

/** A failure settled: the item to output, or an answer to output as the action's own, with `told` added to each item. */
export type Settled = { readonly item: IDataObject } | { readonly envelope: CccEnvelope; readonly told: IDataObject };

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
 * The calls of a trigger's poll or of a picker's list: signed, paced, retried and timed out as an action node's with
 * its Options at their defaults. Neither has an execution to hint to: its errors say what went wrong.
 */
export function backgroundCalls(context: IPollFunctions | ILoadOptionsFunctions): CccItemCalls {
	const options = defaultCallOptions();
	const session = newCccSession(context, options.maxRequestsPerSecond);
	return {
		call: async (request) => await callCcc(context, { ...request, itemIndex: 0, timeout: options.timeout, retry: retryPolicyOf(options) }, session),
		hint: () => {},
	};
}

/** A node of one CCC action: per input item, the calls `readParams` makes, then one call of the action (or what settles it). */
export async function runCccAction(context: IExecuteFunctions, { readParams, hintContextOf, settledBy, ...action }: CccAction): Promise<INodeExecutionData[][]> {
	return await runCccCalls(context, async (itemIndex, calls, options) => {
		const params = await readParams(itemIndex, calls);
		const answer: CccAnswer | Settled = await calls.call({ ...action, params, hintContext: hintContextOf?.(itemIndex) }).catch(async (error: unknown) => {
			const settled = await settledBy?.(params, error, calls, itemIndex);
			return settled ?? (await Promise.reject(error));
		});
		if ('item' in answer) return [answer.item];
		const told = 'told' in answer ? answer.told : {};
		return outputOf(answer.envelope, action, options.simplify).map((item) => ({ ...item, ...told }));
	});
}
