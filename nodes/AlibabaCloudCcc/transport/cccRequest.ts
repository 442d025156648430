import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { CCC_CREDENTIAL_TYPE } from '../auth/cccCredentials';
import { CLOCK_OFFSET_HEADER } from '../auth/clockOffset';
import { isSuccess, readEnvelope, type CccEnvelope } from '../response/cccEnvelope';
import { failureOf } from '../response/cccFailure';
import { decodeBody, UndecodableBodyError } from '../response/decodeBody';
import type { HintContext } from '../response/errorHints';
import type { FieldTypes } from '../response/normalizeFields';
import { CccApiError } from './cccApiError';
import { isRedirect, redirectFailure } from './redirectFailure';
import { RequestPacer } from './requestPacer';
import { backoffDelay, isThrottling, isTransient, MAX_RETRY_DELAY_MS, type RetryPolicy } from './retryPolicy';
import { transportFailure } from './transportFailure';

/** What makes CCC calls: a node's execute loop, a trigger's poll, or the editor loading a picker's list. */
export type CccContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export type CccParams = Readonly<Record<string, string | boolean | undefined>>;

/** What one CCC call asks for: the action, its parameters, and the documented shape of its `Data`. */
export interface CccRequest {
	readonly action: string;
	readonly params: CccParams;
	/** Parameters CCC takes in an `application/x-www-form-urlencoded` body (ListRealtimeAgentStates' lists). */
	readonly body?: CccParams;
	/** The documented types of the action's `Data` fields. */
	readonly dataTypes: FieldTypes;
	/** Whether `Data` is a list of such structs (ListDevices) rather than one. */
	readonly dataIsList?: boolean;
	/**
	 * What a successful answer's `Data`, as the gateway sent it (decoded, before typing, so nothing is hidden by it),
	 * has that the action's documented shape does not allow, if anything.
	 */
	readonly unexpectedData?: (data: unknown) => string | undefined;
	/** What the node knows of this call that changes the hint of a failure. */
	readonly hintContext?: HintContext;
}

export interface CccCall extends CccRequest {
	readonly itemIndex: number;
	/** Milliseconds before one attempt is abandoned (and, if attempts are left, sent again). */
	readonly timeout: number;
	readonly retry: RetryPolicy;
}

/** What the calls of one node run share; made per run, never kept between runs. */
export interface CccSession {
	/** The gateway's clock minus ours, once an answer has shown that they differ. */
	clockOffsetMs: number;
	readonly pacer: RequestPacer;
	/**
	 * The node's credential, decrypted at the run's first request and handed to every request after it: n8n would
	 * otherwise read it from its database and decrypt it again for each one.
	 */
	readonly credential: () => Promise<ICredentialsDecrypted>;
}

async function readCredential(context: CccContext): Promise<ICredentialsDecrypted> {
	const { id, name } = context.getNode().credentials?.[CCC_CREDENTIAL_TYPE] ?? { id: null, name: '' };
	return { id: id ?? '', name, type: CCC_CREDENTIAL_TYPE, data: await context.getCredentials<ICredentialDataDecryptedObject>(CCC_CREDENTIAL_TYPE) };
}

export function newCccSession(context: CccContext, maxRequestsPerSecond = 0): CccSession {
	let credential: Promise<ICredentialsDecrypted> | undefined;
	return {
		clockOffsetMs: 0,
		pacer: new RequestPacer(maxRequestsPerSecond),
		credential: async () => await (credential ??= readCredential(context)),
	};
}

/** A successful answer, and the gateway's clock when it gave it (ms since the epoch), for times CCC sends. */
export interface CccAnswer {
	readonly envelope: CccEnvelope;
	readonly gatewayTime: number;
}

/** A clock more than this far off explains InvalidTimeStamp.Expired; a smaller difference does not. */
const SIGNIFICANT_SKEW_MS = 60_000;

/** The gateway's Date, and the quiet it asked for (`x-acs-retry-after`, ms), when the answer carried them. */
type Stamped = { readonly serverTime?: number; readonly retryAfterMs?: number };
/** A successful answer: its typed envelope, and its `Data` as decoded, for the action's shape check. */
type Answered = Stamped & { readonly envelope: CccEnvelope; readonly decodedData: unknown; readonly httpStatus: number };
type Attempt = Answered | (Stamped & { readonly error: CccApiError });

function headerText(response: IN8nHttpFullResponse, name: string): string {
	const value = response.headers[name];
	return Array.isArray(value) ? value.join(', ') : String(value ?? '');
}

/** One signed call (the credential signs it, afresh each time) through n8n's request helper. */
async function attempt(context: CccContext, call: CccCall, session: CccSession): Promise<Attempt> {
	const { clockOffsetMs } = session;
	const request: IHttpRequestOptions = {
		method: 'POST',
		url: '/',
		qs: { Action: call.action, ...call.params },
		...(call.body ? { body: { ...call.body } } : {}),
		...(clockOffsetMs ? { headers: { [CLOCK_OFFSET_HEADER]: String(clockOffsetMs) } } : {}),
		// Decoding is ours: CCC may answer XML, and error bodies carry Alibaba's code.
		encoding: 'text',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: call.timeout,
	};
	let response: IN8nHttpFullResponse;
	try {
		response = (await context.helpers.httpRequestWithAuthentication.call(context, CCC_CREDENTIAL_TYPE, request, {
			credentialsDecrypted: await session.credential(),
		})) as IN8nHttpFullResponse;
	} catch (error) {
		const failure = transportFailure(context.getNode(), error, call.itemIndex);
		if (failure instanceof CccApiError) return { error: failure };
		throw failure;
	}

	const serverTime = Date.parse(headerText(response, 'date'));
	// As Alibaba's runtime reads it: milliseconds, honoured when above 0.
	const retryAfterMs = Number(headerText(response, 'x-acs-retry-after'));
	const httpStatus = response.statusCode;
	if (isRedirect(httpStatus)) {
		return { error: redirectFailure(context.getNode(), httpStatus, headerText(response, 'location'), call.itemIndex) };
	}
	let decoded: Record<string, unknown>;
	let envelope: CccEnvelope;
	try {
		decoded = decodeBody(String(response.body ?? ''), headerText(response, 'content-type'));
		envelope = readEnvelope(decoded, call.dataTypes, call.dataIsList);
	} catch (error) {
		if (!(error instanceof UndecodableBodyError)) {
			throw new NodeOperationError(context.getNode(), error as Error, { itemIndex: call.itemIndex });
		}
		const message = `CCC answered with a body that could not be read (cut off, or neither JSON nor XML): ${error.excerpt}`;
		return { error: new CccApiError(context.getNode(), { code: 'InvalidResponse', message, httpStatus }, call.itemIndex) };
	}
	const stamped = { ...(Number.isNaN(serverTime) ? {} : { serverTime }), ...(retryAfterMs > 0 ? { retryAfterMs } : {}) };
	if (isSuccess(httpStatus, envelope)) return { envelope, decodedData: decoded.Data, httpStatus, ...stamped };
	return { error: new CccApiError(context.getNode(), failureOf(call.action, httpStatus, envelope, call.hintContext), call.itemIndex), ...stamped };
}

function clockStillOff(error: CccApiError): CccApiError {
	const hint = "Correcting for this machine's clock did not help: synchronise the clock (NTP)";
	return new CccApiError(error.node, { ...error.ccc, hint }, error.itemIndex);
}

/**
 * The answer with the gateway's time: its Date header counts whole seconds, so the answer left before the end of
 * that second (a time judged by it errs towards later); without one, our clock as corrected so far.
 */
function answerOf(context: CccContext, call: CccCall, result: Answered, session: CccSession): CccAnswer {
	const unexpected = call.unexpectedData?.(result.decodedData);
	if (unexpected) {
		const { RequestId: requestId } = result.envelope;
		const message = `CCC's ${call.action} answer does not have its documented shape: ${unexpected}`;
		throw new CccApiError(context.getNode(), { code: 'InvalidResponse', message, httpStatus: result.httpStatus, ...(requestId ? { requestId } : {}) }, call.itemIndex);
	}
	const gatewayTime = result.serverTime === undefined ? Date.now() + session.clockOffsetMs : result.serverTime + 999;
	return { envelope: result.envelope, gatewayTime };
}

/**
 * One CCC call for one item, paced by the run's pacer (which learns CCC's rate from throttled answers), retried on
 * throttling through the pacer and on other transient failures with backoff (every attempt
 * signed anew, with a fresh nonce and time), and once more with corrected time when the gateway's Date shows that
 * our clock is off.
 * Resolves to a successful answer of the documented shape; throws a `CccApiError` that says how many attempts it took
 * (the user's count: a call sent again with corrected time is told apart).
 * When the execution is cancelled, the pacer's and the backoff's waits end at once and nothing more is sent.
 */
export async function callCcc(context: CccContext, call: CccCall, session: CccSession): Promise<CccAnswer> {
	const cancelSignal = 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
	let calls = 0;
	/** The offset this call corrected the clock by, once it has. */
	let correction: number | undefined;
	for (;;) {
		calls++;
		const sentAt = await session.pacer.wait(cancelSignal);
		const result = await attempt(context, call, session);
		if ('envelope' in result) {
			session.pacer.accepted(sentAt);
			return answerOf(context, call, result, session);
		}
		const { error, serverTime, retryAfterMs } = result;
		const throttled = isThrottling(error.ccc);
		if (throttled) {
			session.pacer.throttled(sentAt);
			// The gateway's own wait, within the longest the node ever waits before sending again.
			if (retryAfterMs) session.pacer.pause(Math.min(retryAfterMs, MAX_RETRY_DELAY_MS));
		} else if (error.ccc.httpStatus !== undefined) {
			// CCC's refusal came through the gateway's limit: it counts for the rate the gateway lets through.
			session.pacer.accepted(sentAt);
		}
		// The call sent again with the corrected clock is a second chance, not one of the attempts the user set.
		const attempts = calls - (correction === undefined ? 0 : 1);

		if (error.ccc.code === 'InvalidTimeStamp.Expired') {
			if (correction !== undefined) throw clockStillOff(error).afterAttempts(attempts, correction);
			const offset = serverTime === undefined ? 0 : serverTime - Date.now();
			if (Math.abs(offset) >= SIGNIFICANT_SKEW_MS) {
				session.clockOffsetMs = offset;
				correction = offset;
				continue;
			}
		}
		const failure = error.afterAttempts(attempts, correction);
		if (cancelSignal?.aborted || attempts >= call.retry.maxAttempts || !isTransient(error.ccc)) throw failure;
		// A throttled call waits its turn in the pacer, at the rate the run learned: a backoff of its own on top would
		// only leave the gateway idle. Other passing failures back off alone.
		if (throttled) continue;
		// A cancel ends the wait with this item's last failure.
		await sleep(backoffDelay(call.retry, attempts), cancelSignal).catch(() => {
			throw failure;
		});
	}
}
