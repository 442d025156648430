import { CccSimulator, type RateLimit } from '../../simulator/cccSimulator';
import { loadItems } from '../../simulator/agents';
import { addLoadInstance, demoDirectory, loadAgentId } from '../../simulator/directory';
import { DEVICE_SOURCE } from '../../nodes/AlibabaCloudCcc/agent/deviceFields';
import { runCccWorkflow, type CccRun } from '../../scripts/engine/runWorkflow';
import { onFakeTime } from '../harness/fakeClock';
import { agentParameters, credentialsFor, faultFirstCalls } from '../harness/simulatorFixture';

/**
 * CCC's flow control, played by the simulator's token bucket on jest's fake clock (the simulator runs in this
 * process: its bucket refills on the same clock), through n8n's engine. Nothing here measures real time; but the
 * fake clock moves a millisecond each turn of the event loop, also while real I/O runs, so a request reaches the
 * simulator up to this many fake milliseconds after it left (far less than the gaps the tests tell apart).
 */
const IO_MS = 150;

async function runAgainst(rateLimit: RateLimit | undefined, options: { items: number; concurrency: number; parameters?: object; setUp?: (simulator: CccSimulator) => void }) {
	const directory = demoDirectory();
	addLoadInstance(directory, options.items);
	const simulator = new CccSimulator({ directory, ...(rateLimit ? { rateLimit } : {}) });
	options.setUp?.(simulator);
	await simulator.start();
	try {
		const result = await onFakeTime(() =>
			runCccWorkflow({
				items: loadItems(options.items),
				parameters: { ...agentParameters, ...options.parameters, options: { concurrency: options.concurrency } },
				credentials: credentialsFor(simulator),
				onError: 'continueErrorOutput',
			}),
		);
		const start = result.credentialsHelper.authenticated[0].at;
		const requests = simulator.requests.map((entry) => ({ at: entry.receivedAt - start, code: entry.code, action: entry.action }));
		/** When each request left the pacer (n8n signs it then), from the first. */
		const departures = result.credentialsHelper.authenticated.map((entry) => entry.at - start);
		return { result, requests, departures };
	} finally {
		await simulator.stop();
	}
}

const hintsOf = (result: CccRun) => (result.run.data.resultData.runData.CCC[0].hints ?? []).map((hint) => hint.message);
const gapsOf = (times: number[]) => times.slice(1).map((time, index) => time - times[index]);

describe('a run that CCC throttles', () => {
	it('learns the rate from the first burst: one burst refused, then requests one at a time and none refused, every item readied', async () => {
		// 2 a second, burst 2: of the first 5 requests, sent together, 2 go through.
		const { result, requests, departures } = await runAgainst({ rate: 2, burst: 2 }, { items: 10, concurrency: 5 });
		expect(result.errors).toEqual([]);
		expect(result.success.map((item) => item.json.UserState)).toEqual(Array(10).fill('READY'));
		const refused = requests.filter((request) => request.code === 'Throttling.User');
		// Only requests that left before the first refusal came back were refused (the rate was still unknown).
		expect(refused.length).toBeGreaterThanOrEqual(3);
		expect(refused.every((request) => request.at < IO_MS)).toBe(true);
		// Afterwards one at a time, no faster than the gateway's 2 a second (0.7 × 2 right after the cut, rising slowly).
		expect(requests.filter((request) => request.at >= IO_MS).every((request) => request.code === 'OK')).toBe(true);
		const later = departures.filter((at) => at >= IO_MS);
		expect(later[0]).toBeGreaterThanOrEqual(700);
		expect(gapsOf(later).every((gap) => gap >= 500 - IO_MS)).toBe(true);
		expect(gapsOf(later).reduce((sum, gap) => sum + gap, 0) / (later.length - 1)).toBeGreaterThanOrEqual(500);
	});

	it('tells the user: how many requests were refused, the rate it settled at, and the Max Requests per Second to set', async () => {
		const { result, requests } = await runAgainst({ rate: 2, burst: 2 }, { items: 10, concurrency: 5 });
		const refused = requests.filter((request) => request.code === 'Throttling.User').length;
		expect(hintsOf(result)).toEqual([
			`CCC refused ${refused} of ${requests.length} requests as throttled (your account's rate limit); the node slowed down and sent them again, settling at about 2 requests per second. Set Options → Max Requests per Second to 1.8 to stay under the limit from the start`,
		]);
	});

	it('gives no throttling hint to a run that CCC did not throttle', async () => {
		const { result } = await runAgainst(undefined, { items: 5, concurrency: 5 });
		expect(hintsOf(result)).toEqual([]);
	});

	it("paces the registered-device lookup with the same learned rate: ListDevices and ReadyForService alike", async () => {
		const { result, requests, departures } = await runAgainst({ rate: 2, burst: 2 }, { items: 6, concurrency: 3, parameters: { device: DEVICE_SOURCE.registeredDevice } });
		expect(result.errors).toEqual([]);
		expect(result.success.map((item) => item.json.UserState)).toEqual(Array(6).fill('READY'));
		expect(requests.filter((request) => request.code === 'Throttling.User').every((request) => request.at < IO_MS)).toBe(true);
		expect(new Set(requests.filter((request) => request.at >= IO_MS).map((request) => request.action))).toEqual(new Set(['ListDevices', 'ReadyForService']));
		const later = departures.filter((at) => at >= IO_MS);
		expect(gapsOf(later).every((gap) => gap >= 500 - IO_MS)).toBe(true);
	});

	it.each([
		['waits as long as the gateway asks (x-acs-retry-after: 5000)', 5_000, 5_000],
		['waits no longer than 20 s, whatever the gateway asks (x-acs-retry-after: 600000)', 600_000, 20_000],
	])('%s before sending again', async (_name, retryAfterMs, wait) => {
		// 1 a second, burst 1: of the first 3 requests, 1 goes through; the two refusals ask for the wait.
		const { result, departures } = await runAgainst({ rate: 1, burst: 1, retryAfterMs }, { items: 3, concurrency: 3 });
		expect(result.errors).toEqual([]);
		expect(departures.slice(0, 3)).toEqual([0, 0, 0]);
		expect(departures[3]).toBeGreaterThanOrEqual(wait);
		expect(departures[3]).toBeLessThan(wait + IO_MS);
	});

	it('sends a throttled item again when its turn comes, without a backoff of its own, within Max Attempts', async () => {
		const { result, requests, departures } = await runAgainst(undefined, {
			items: 1,
			concurrency: 1,
			setUp: (simulator) => faultFirstCalls(simulator, new Map([[loadAgentId(0), { fault: { kind: 'error', status: 400, code: 'Throttling.User' }, times: 2 }]])),
		});
		expect(result.success.map((item) => item.json.UserState)).toEqual(['READY']);
		expect(requests.map((request) => request.code)).toEqual(['Throttling.User', 'Throttling.User', 'OK']);
		// Nothing went through before the refusals: the slowest rate, 0.5 a second, a slot 2 s after the last departure.
		const [, second, third] = departures;
		expect(second).toBeGreaterThanOrEqual(2_000);
		expect(second).toBeLessThan(2_000 + IO_MS);
		expect(third - second).toBeGreaterThanOrEqual(2_000);
		expect(third - second).toBeLessThan(2_000 + IO_MS);
	});
});
