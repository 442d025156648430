import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../execution/runPerItem';
import { readBoolean, readOptionalMatching, readRequiredText } from '../params/readParameter';
import { callCcc, newCccSession } from '../transport/cccRequest';
import { NO_RETRIES, type RetryPolicy } from '../transport/retryPolicy';
import { READY_FOR_SERVICE_DATA_TYPES } from './readyForServiceData';
import { DEVICE_ID, INSTANCE_ID, OUTBOUND_SCENARIO, USER_ID } from './readyForServiceFields';

/** name@instance, without spaces. */
const USER_ID_PATTERN = /^[^\s@]+@[^\s@]+$/;

const MAX_RETRY_DELAY_MS = 20_000;

interface ReadyForServiceOptions {
	concurrency?: number;
	maxRequestsPerSecond?: number;
	simplify?: boolean;
	timeout?: number;
	retryTransientErrors?: boolean;
	maxAttempts?: number;
	retryBaseDelay?: number;
}

function retryPolicy(options: ReadyForServiceOptions): RetryPolicy {
	if (options.retryTransientErrors === false) return NO_RETRIES;
	return {
		maxAttempts: Math.min(10, Math.max(1, Math.floor(options.maxAttempts ?? 3))),
		baseDelayMs: Math.max(0, options.retryBaseDelay ?? 500),
		maxDelayMs: MAX_RETRY_DELAY_MS,
	};
}

const readOptions = (context: IExecuteFunctions, itemIndex: number) =>
	context.getNodeParameter('options', itemIndex, {}) as ReadyForServiceOptions;

/** One signed ReadyForService call per input item; the item's JSON becomes the answer's `Data`. */
export async function readyForService(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	// How fast the run goes is one setting for the whole run: the first item's.
	const pace = this.getInputData().length > 0 ? readOptions(this, 0) : {};
	const session = newCccSession(Math.max(0, pace.maxRequestsPerSecond ?? 0));
	const concurrency = Math.max(1, Math.floor(pace.concurrency ?? 1));
	return await runPerItem(this, async (itemIndex): Promise<IDataObject> => {
		const params = {
			InstanceId: readRequiredText(this, INSTANCE_ID, itemIndex),
			DeviceId: readRequiredText(this, DEVICE_ID, itemIndex),
			UserId: readOptionalMatching(this, USER_ID, itemIndex, USER_ID_PATTERN, 'of the form name@instance'),
			OutboundScenario: readBoolean(this, OUTBOUND_SCENARIO, itemIndex),
		};
		const options = readOptions(this, itemIndex);
		const envelope = await callCcc(
			this,
			{
				action: 'ReadyForService',
				params,
				dataTypes: READY_FOR_SERVICE_DATA_TYPES,
				itemIndex,
				timeout: options.timeout,
				retry: retryPolicy(options),
			},
			session,
		);
		return options.simplify === false ? envelope : (envelope.Data ?? {});
	}, concurrency);
}
