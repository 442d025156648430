import { type FakeClockDriver, fireTimersDueNow } from './fakeClock';

/** The clock driver is what every paced engine test stands on: its own guarantee, shown without the node. */
describe('fake clock driver', () => {
	let clock: FakeClockDriver;
	beforeEach(() => {
		jest.useFakeTimers({ now: 0, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
		clock = fireTimersDueNow();
	});
	afterEach(() => {
		clock.stop();
		jest.useRealTimers();
	});

	it('fires a zero-delay timer that an I/O callback sets right after a timer fired, without the test advancing', async () => {
		// As in a run: a timer fires (the pacer), then an answer arrives and the node yields with a zero-delay timer.
		const fired: string[] = [];
		setTimeout(() => {
			fired.push('timer');
			setImmediate(() => setTimeout(() => fired.push('yield'), 0));
		}, 0);
		// A handful of turns of the real loop is plenty; filed 1 ms ahead, the yield would never fire.
		for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
		expect(fired).toEqual(['timer', 'yield']);
		expect(Date.now()).toBe(0);
	});

	it('fires a timer due later only once the test advances to it', async () => {
		let fired = false;
		setTimeout(() => (fired = true), 500);
		await clock.advance(499);
		await new Promise((resolve) => setImmediate(resolve));
		expect(fired).toBe(false);
		await clock.advance(1);
		expect(fired).toBe(true);
	});

	it('runs what a timer released at that timer\'s instant, not at the end of the advance', async () => {
		const released: number[] = [];
		setTimeout(() => void Promise.resolve().then(() => released.push(Date.now())), 200);
		await clock.advance(500);
		expect(released).toEqual([200]);
	});
});
