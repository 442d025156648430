import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import type { AgentState } from '../nodes/AlibabaCloudCcc/agent/agentStates';
import { AGENT_TRANSITIONS, moveAgent } from './agentStateMachine';
import type { AnswerGate } from './answerGate';
import { ApiFailure, missingParameter } from './apiFailure';
import { checkOwnGroups, listInstances, listSkillGroups, listSkillLevelsOfUser, listUsers } from './directoryLists';
import { demoDirectory, type SimAccount, type SimAgent, type SimDirectory, type SimInstance } from './directory';
import { getRealtimeInstanceStates, listRealtimeAgentStates } from './realtimeStates';
import { render, type Format } from './render';
import { parseV3Authorization, verifyV1, verifyV3 } from './verifySignature';

/**
 * A stand-in for Alibaba Cloud's CCC 2020-07-01 gateway on 127.0.0.1: it checks V1 and V3 signatures with the
 * official SDK helpers, refuses replayed nonces and stale timestamps, knows a few instances and agents, answers JSON
 * or XML, and can be told to misbehave (throttle, fail, reset, hang, send garbage).
 */

export type Fault =
	/**
	 * An error answer; with `params`, CCC's own shape (HttpStatusCode and Params), else the gateway's (HostId); with
	 * `retryAfterMs`, an `x-acs-retry-after` header.
	 */
	| {
			readonly kind: 'error';
			readonly status: number;
			readonly code: string;
			readonly message?: string;
			readonly params?: readonly string[];
			readonly retryAfterMs?: number;
	  }
	| { readonly kind: 'reset' }
	/** The request is carried out (the agent moves), then the connection drops before the answer: a lost answer. */
	| { readonly kind: 'appliedThenReset' }
	| { readonly kind: 'hang' }
	| { readonly kind: 'html'; readonly status: number }
	| { readonly kind: 'truncated'; readonly format?: Format }
	/** Headers announce the whole body, then the connection drops halfway through it. */
	| { readonly kind: 'cut' };

export interface SimRequest {
	readonly action: string;
	readonly params: Readonly<Record<string, string>>;
	readonly signatureVersion: 'v1' | 'v3';
	readonly nonce: string;
	readonly accessKeyId: string;
	/** The agent the credential is bound to, for calls without UserId. */
	readonly defaultUserId?: string;
	/** Which of `params` came in a form body rather than the query. */
	readonly bodyParams?: readonly string[];
}

export interface SimLogEntry extends SimRequest {
	readonly status: number;
	readonly code: string;
	readonly fault?: Fault['kind'];
	/** When the request arrived and when its answer left (ms since the epoch, machine clock). */
	readonly receivedAt: number;
	answeredAt: number;
}

export interface SimulatorOptions {
	readonly directory?: SimDirectory;
	/** Answer XML whatever the request asks for (CCC's default format, and some error paths). */
	readonly forceXml?: boolean;
	/** Render numbers and booleans of `Data` as strings, as Alibaba's own examples show them. */
	readonly stringlyTyped?: boolean;
	/** The most entries a paged report serves per page, whatever PageSize asks: a gateway or proxy that caps pages. */
	readonly pageSizeCap?: number;
	/** Added before every answer, to play a distant gateway. */
	readonly latencyMs?: number;
	/** How far the simulator's clock is ahead of the machine's. */
	readonly clockOffsetMs?: number;
	/** How far a request's timestamp may be from the simulator's clock. */
	readonly maxSkewMs?: number;
	/** Whether to keep a log of every request (off for long benchmarks). */
	readonly log?: boolean;
	/** CCC's flow control, which it does not publish: a token bucket per access key. */
	readonly rateLimit?: RateLimit;
}

/**
 * `rate` requests a second, `burst` at once (a full bucket to start with); the gateway refuses the rest with
 * Throttling.User, as Alibaba's "user flow control" does, and a refused request takes no token. With `retryAfterMs`,
 * the refusal carries `x-acs-retry-after` (milliseconds, as Alibaba's runtime reads it).
 */
export interface RateLimit {
	readonly rate: number;
	readonly burst: number;
	readonly retryAfterMs?: number;
}

const retryAfter = (ms: number | undefined): Record<string, string> => (ms ? { 'x-acs-retry-after': String(ms) } : {});

const API_VERSION = '2020-07-01';
const HOST_ID = 'ccc.cn-shanghai.aliyuncs.com';

function stamp(entry: SimLogEntry | undefined): void {
	if (entry) entry.answeredAt = Date.now();
}

/** Query decoding as a gateway does it: `+` is a space, and a value runs from the pair's first `=` to its end. */
function parsePairs(text: string): Record<string, string> {
	const params: Record<string, string> = {};
	const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));
	for (const pair of text.split('&')) {
		if (!pair) continue;
		const split = pair.indexOf('=');
		params[decode(split === -1 ? pair : pair.slice(0, split))] = split === -1 ? '' : decode(pair.slice(split + 1));
	}
	return params;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks)));
		request.on('error', reject);
	});
}

function singleHeaders(request: IncomingMessage): Record<string, string> {
	return Object.fromEntries(
		Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : (value ?? '')]),
	);
}

export class CccSimulator {
	readonly directory: SimDirectory;

	readonly requests: SimLogEntry[] = [];

	/** The most requests that were ever being handled at once. */
	maxInFlight = 0;

	private inFlight = 0;

	/** When set, every answer (faults included) waits until the test lets it go. */
	gate: AnswerGate | undefined;

	/** Decides, per request that passed authentication, whether to misbehave. */
	faults: (request: SimRequest) => Fault | undefined = () => undefined;

	/**
	 * Rewrites a successful answer's `Data` before it is sent, to play a gateway (or a proxy) whose answers are not of
	 * CCC's documented shape: a page short of its TotalCount, a field left out.
	 */
	reshape: ((request: SimRequest, data: unknown) => unknown) | undefined;

	private readonly server: Server;

	private readonly sockets = new Set<Socket>();

	private readonly seenNonces = new Map<string, number>();

	/** Each access key's token bucket, when there is a rate limit. */
	private readonly buckets = new Map<string, { tokens: number; at: number }>();

	private readonly hanging = new Set<ServerResponse>();

	/** When the simulated agents entered their current states, as the realtime report tells it. */
	private readonly startedAt = Date.now();

	constructor(private readonly options: SimulatorOptions = {}) {
		this.directory = options.directory ?? demoDirectory();
		this.server = createServer((request, response) => {
			this.inFlight++;
			this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
			response.on('close', () => this.inFlight--);
			this.handle(request, response, Date.now()).catch((error: Error) => {
				response.statusCode = 500;
				response.end(`simulator failure: ${error.message}`);
			});
		});
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	/** Listens on 127.0.0.1 (a random free port unless one is given) and resolves to the endpoint URL. */
	async start(port = 0): Promise<string> {
		await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
		return this.url;
	}

	get url(): string {
		const { port } = this.server.address() as AddressInfo;
		return `http://127.0.0.1:${port}`;
	}

	async stop(): Promise<void> {
		this.gate?.open();
		for (const response of this.hanging) response.destroy();
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	/**
	 * Moves an agent as a call or the agent's own workbench would (a state change that no API call made): the realtime
	 * report then shows the new state from now, or from `at` (ms since the epoch, the gateway's clock).
	 */
	setAgentState(instanceId: string, agentId: string, state: AgentState, breakCode = '', at = this.now()): void {
		const agent = this.directory.instances.get(instanceId)?.agents.get(agentId);
		if (!agent) throw new Error(`No agent ${agentId} in ${instanceId}`);
		agent.state = state;
		agent.breakCode = state === 'BREAK' ? breakCode : '';
		agent.stateTime = at;
	}

	/** Attempts the gateway received for one agent (by UserId), in order. */
	attemptsFor(userId: string): SimLogEntry[] {
		return this.requests.filter((entry) => entry.params.UserId === userId);
	}

	private now(): number {
		return Date.now() + (this.options.clockOffsetMs ?? 0);
	}

	private async handle(request: IncomingMessage, response: ServerResponse, receivedAt: number): Promise<void> {
		const body = await readBody(request);
		const [, rawQuery = ''] = (request.url ?? '/').split('?');
		const query = parsePairs(rawQuery);
		const headers = singleHeaders(request);
		const method = request.method ?? 'GET';
		const isV3 = (headers.authorization ?? '').startsWith('ACS3-');
		// Like the gateway, parameters come from the query and from a form body alike.
		const form = /^application\/x-www-form-urlencoded\b/i.test(headers['content-type'] ?? '') ? parsePairs(body.toString('utf8')) : {};
		const params = { ...query, ...form };
		const format: Format =
			this.options.forceXml ||
			(isV3 ? !/json/i.test(headers.accept ?? '') : (params.Format ?? 'XML').toUpperCase() !== 'JSON')
				? 'xml'
				: 'json';
		const requestId = randomUUID().toUpperCase();
		let logged: SimRequest | undefined;
		try {
			const authenticated: SimRequest = {
				...(isV3 ? this.authenticateV3(method, query, form, headers, body) : this.authenticateV1(method, params)),
				bodyParams: Object.keys(form),
			};
			logged = authenticated;
			this.checkRateLimit(authenticated.accessKeyId, receivedAt);
			const fault = this.faults(authenticated);
			if (fault?.kind === 'appliedThenReset') {
				try {
					this.handlers[authenticated.action](authenticated);
				} catch {
					// Refused: nothing was carried out, and the answer is lost all the same.
				}
			}
			if (fault) {
				const entry = this.log(authenticated, receivedAt, fault.kind === 'error' ? fault.status : 0, fault.kind === 'error' ? fault.code : fault.kind, fault.kind);
				await this.gate?.pass(authenticated);
				await this.misbehave(fault, response, format, requestId);
				return stamp(entry);
			}
			const answered = this.handlers[authenticated.action](authenticated);
			const data = this.reshape ? this.reshape(authenticated, answered) : answered;
			const entry = this.log(authenticated, receivedAt, 200, 'OK');
			await this.gate?.pass(authenticated);
			await this.answer(response, format, `${authenticated.action}Response`, 200, {
				RequestId: requestId,
				HttpStatusCode: this.options.stringlyTyped ? '200' : 200,
				Code: 'OK',
				Message: '',
				Data: data,
			});
			stamp(entry);
		} catch (error) {
			if (!(error instanceof ApiFailure)) throw error;
			const refused = logged ?? { action: '', params: {}, signatureVersion: isV3 ? 'v3' : 'v1', nonce: '', accessKeyId: '' };
			const entry = this.log(refused, receivedAt, error.status, error.code);
			await this.gate?.pass(refused);
			const errorBody = error.gateway
				? { RequestId: requestId, HostId: HOST_ID, Code: error.code, Message: error.message, Recommend: `https://api.aliyun.com/troubleshoot?q=${error.code}&product=CCC` }
				: { RequestId: requestId, HttpStatusCode: error.status, Code: error.code, Message: error.message, Params: error.params };
			await this.answer(response, format, 'Error', error.status, errorBody, error.headers);
			stamp(entry);
		}
	}

	private log(request: SimRequest, receivedAt: number, status: number, code: string, fault?: Fault['kind']): SimLogEntry | undefined {
		if (this.options.log === false) return undefined;
		const entry: SimLogEntry = { ...request, status, code, ...(fault ? { fault } : {}), receivedAt, answeredAt: receivedAt };
		this.requests.push(entry);
		return entry;
	}

	private account(accessKeyId: string | undefined): SimAccount {
		const account = this.directory.accounts.find((candidate) => candidate.accessKeyId === accessKeyId);
		if (!account) throw new ApiFailure(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.', true);
		return account;
	}

	private checkFreshness(timestamp: string | undefined, nonce: string | undefined): void {
		if (!timestamp || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(timestamp)) {
			throw new ApiFailure(400, 'InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.', true);
		}
		const now = this.now();
		if (Math.abs(Date.parse(timestamp) - now) > (this.options.maxSkewMs ?? 15 * 60_000)) {
			throw new ApiFailure(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.', true);
		}
		if (!nonce) throw missingParameter('SignatureNonce');
		if (this.seenNonces.has(nonce)) throw new ApiFailure(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.', true);
		if (this.seenNonces.size > 50_000) {
			for (const [seen, at] of this.seenNonces) if (now - at > 2 * 15 * 60_000) this.seenNonces.delete(seen);
		}
		this.seenNonces.set(nonce, now);
	}

	private checkRateLimit(accessKeyId: string, now: number): void {
		const limit = this.options.rateLimit;
		if (!limit) return;
		const bucket = this.buckets.get(accessKeyId) ?? { tokens: limit.burst, at: now };
		bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.rate);
		bucket.at = now;
		this.buckets.set(accessKeyId, bucket);
		if (bucket.tokens >= 1) {
			bucket.tokens--;
			return;
		}
		throw new ApiFailure(400, 'Throttling.User', 'Request was denied due to user flow control.', true, [], retryAfter(limit.retryAfterMs));
	}

	private checkToken(account: SimAccount, token: string | undefined): void {
		if ((account.securityToken ?? '') !== (token ?? '')) {
			throw new ApiFailure(400, 'InvalidSecurityToken.MismatchWithAccessKey', 'Specified SecurityToken mismatch with the AccessKey.', true);
		}
	}

	private authenticateV1(method: string, params: Record<string, string>): SimRequest {
		if (!params.Signature) throw missingParameter('Signature');
		const account = this.account(params.AccessKeyId);
		const verdict = verifyV1(method, params, account.accessKeySecret);
		if (!verdict.ok) throw new ApiFailure(400, verdict.code, verdict.message, true);
		this.checkFreshness(params.Timestamp, params.SignatureNonce);
		this.checkToken(account, params.SecurityToken);
		const { Action, Version, Format, AccessKeyId, SignatureMethod, SignatureVersion, SignatureNonce, Timestamp, SecurityToken, Signature, ...apiParams } = params;
		return this.authorize(account, Action, Version, apiParams, 'v1', SignatureNonce);
	}

	private authenticateV3(method: string, query: Record<string, string>, form: Record<string, string>, headers: Record<string, string>, body: Buffer): SimRequest {
		const credential = parseV3Authorization(headers.authorization);
		if (!credential) throw new ApiFailure(400, 'IncompleteSignature', 'The request signature does not conform to Aliyun standards.', true);
		const account = this.account(credential.accessKeyId);
		const verdict = verifyV3({ method, query, headers, body, authorization: headers.authorization }, credential, account.accessKeySecret);
		if (!verdict.ok) throw new ApiFailure(400, verdict.code, verdict.message, true);
		this.checkFreshness(headers['x-acs-date'], headers['x-acs-signature-nonce']);
		this.checkToken(account, headers['x-acs-security-token']);
		return this.authorize(account, headers['x-acs-action'], headers['x-acs-version'], { ...query, ...form }, 'v3', headers['x-acs-signature-nonce']);
	}

	private authorize(account: SimAccount, action: string | undefined, version: string | undefined, params: Record<string, string>, signatureVersion: 'v1' | 'v3', nonce: string): SimRequest {
		if (version !== API_VERSION) throw new ApiFailure(400, 'InvalidVersion', 'Specified parameter Version is not valid.', true);
		if (!action || !Object.hasOwn(this.handlers, action)) {
			throw new ApiFailure(404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.', true);
		}
		if (account.allowedActions && !account.allowedActions.includes(action)) {
			throw new ApiFailure(403, 'Forbidden.RAM', `User not authorized to operate on the specified resource, or this API doesn't support RAM. (ccc:${action})`, true);
		}
		return { action, params, signatureVersion, nonce, accessKeyId: account.accessKeyId, defaultUserId: account.defaultUserId };
	}

	/**
	 * What each action the simulator knows answers in `Data`; anything else is InvalidAction.NotFound. Every row of
	 * the state machine's transition table is an action that moves an agent and answers the agent's context.
	 */
	private readonly handlers: Readonly<Record<string, (request: SimRequest) => unknown>> = {
		ListInstances: ({ params }) => listInstances(this.directory.instances, params),
		ListUsers: ({ params }) => {
			const { instanceId, instance } = this.instanceOf(params);
			return listUsers(instanceId, instance, params);
		},
		ListSkillLevelsOfUser: (request) => {
			const { userId, agent } = this.agentOf(request);
			return listSkillLevelsOfUser(userId, agent, request.params);
		},
		ListSkillGroups: ({ params }) => {
			const { instanceId, instance } = this.instanceOf(params);
			return listSkillGroups(instanceId, instance, params);
		},
		ListDevices: (request) => this.listDevices(request),
		ListRealtimeAgentStates: ({ params }) => {
			const { instanceId, instance } = this.instanceOf(params);
			return listRealtimeAgentStates(instanceId, instance, params, {
				now: this.now(),
				since: this.startedAt,
				stringly: this.options.stringlyTyped,
				pageSizeCap: this.options.pageSizeCap,
			});
		},
		GetRealtimeInstanceStates: ({ params }) => {
			const { instanceId, instance } = this.instanceOf(params);
			return getRealtimeInstanceStates(instanceId, instance, this.options.stringlyTyped);
		},
		...Object.fromEntries(Object.keys(AGENT_TRANSITIONS).map((action) => [action, (request: SimRequest) => this.moveAgent(request)])),
	};

	/** The instance a request names. */
	private instanceOf(params: Readonly<Record<string, string>>): { instanceId: string; instance: SimInstance } {
		const instanceId = params.InstanceId;
		if (!instanceId) throw missingParameter('InstanceId');
		const instance = this.directory.instances.get(instanceId);
		if (!instance) throw new ApiFailure(404, 'NotExists.InstanceId', `The specified instance ${instanceId} does not exist.`);
		return { instanceId, instance };
	}

	/** The instance and agent a request names (UserId, else the credential's own agent). */
	private agentOf({ params, defaultUserId }: SimRequest): { instanceId: string; userId: string; agent: SimAgent } {
		const { instanceId, instance } = this.instanceOf(params);
		const userId = params.UserId || defaultUserId || '';
		const agent = instance.agents.get(userId);
		if (!agent) throw new ApiFailure(404, 'NotExists.UserId', `The user ${userId} does not exist in instance ${instanceId}.`);
		return { instanceId, userId, agent };
	}

	/** The agent's registrations, lapsed ones included, as CCC lists them; `Expires` is on the simulator's clock. */
	private listDevices(request: SimRequest): Array<Record<string, unknown>> {
		const { instanceId, userId, agent } = this.agentOf(request);
		const now = this.now();
		return agent.devices.map((device) => ({
			CallId: '',
			Contact: `sip:${agent.extension}@127.0.0.1:5060;transport=tcp`,
			DeviceId: device.deviceId,
			DeviceType: device.deviceType,
			Expires: this.options.stringlyTyped ? String(now + device.expiresInMs) : now + device.expiresInMs,
			Extension: agent.extension,
			InstanceId: instanceId,
			UserId: userId,
		}));
	}

	/** An action of the transition table: the agent moves (or CCC's refusal is thrown), and `Data` is its context. */
	private moveAgent(request: SimRequest): Record<string, unknown> {
		const { action, params } = request;
		const { instanceId, userId, agent } = this.agentOf(request);
		const registered = agent.devices.some((device) => device.deviceId === params.DeviceId && device.expiresInMs > 0);
		if (action === 'SignInGroup' && params.SignedSkillGroupIdList) checkOwnGroups(agent, params.SignedSkillGroupIdList);
		moveAgent(agent, action, params, registered);
		agent.stateTime = this.now();
		if (params.DeviceId) agent.deviceId = params.DeviceId;
		if ('OutboundScenario' in params) agent.outboundScenario = params.OutboundScenario === 'true';
		const stringly = this.options.stringlyTyped;
		const outboundScenario = agent.outboundScenario ?? false;
		return {
			UserId: userId,
			InstanceId: instanceId,
			UserState: agent.state,
			WorkMode: agent.workMode,
			Extension: agent.extension,
			DeviceId: agent.deviceId ?? '',
			BreakCode: agent.breakCode ?? '',
			OutboundScenario: stringly ? String(outboundScenario) : outboundScenario,
			// Signed out of every skill group: none is listed any more.
			SignedSkillGroupIdList: agent.state === 'OFFLINE' ? [] : [...agent.skillGroups],
			...(AGENT_TRANSITIONS[action].answersSession
				? { Heartbeat: stringly ? String(this.now()) : this.now(), Reserved: stringly ? String(this.startedAt) : this.startedAt, Mobile: '' }
				: {}),
		};
	}

	private async answer(
		response: ServerResponse,
		format: Format,
		root: string,
		status: number,
		body: Record<string, unknown>,
		headers: Readonly<Record<string, string>> = {},
	): Promise<void> {
		const { contentType, text } = render(format, root, body);
		await this.delay();
		response.writeHead(status, { 'content-type': contentType, date: new Date(this.now()).toUTCString(), ...headers });
		response.end(text);
	}

	private async delay(): Promise<void> {
		if (this.options.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.options.latencyMs));
	}

	private async misbehave(fault: Fault, response: ServerResponse, format: Format, requestId: string): Promise<void> {
		switch (fault.kind) {
			case 'error':
				return await this.answer(
					response,
					format,
					'Error',
					fault.status,
					{
						RequestId: requestId,
						...(fault.params ? { HttpStatusCode: fault.status, Params: fault.params } : { HostId: HOST_ID }),
						Code: fault.code,
						Message: fault.message ?? `Simulated ${fault.code}.`,
					},
					retryAfter(fault.retryAfterMs),
				);
			case 'reset':
			case 'appliedThenReset':
				response.socket?.destroy();
				return;
			case 'hang':
				this.hanging.add(response);
				return;
			case 'html':
				await this.delay();
				response.writeHead(fault.status, { 'content-type': 'text/html' });
				response.end('<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>Tengine</center></body></html>');
				return;
			case 'truncated': {
				await this.delay();
				const { contentType, text } = render(fault.format ?? format, 'ReadyForServiceResponse', { RequestId: requestId, Code: 'OK', Data: { UserId: 'truncated' } });
				response.writeHead(200, { 'content-type': contentType });
				response.end(text.slice(0, Math.floor(text.length / 2)));
				return;
			}
			case 'cut': {
				await this.delay();
				const { contentType, text } = render(format, 'ReadyForServiceResponse', { RequestId: requestId, Code: 'OK', Data: { UserId: 'cut' } });
				response.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
				response.write(text.slice(0, Math.floor(text.length / 2)));
				response.socket?.destroySoon();
				return;
			}
		}
	}
}
