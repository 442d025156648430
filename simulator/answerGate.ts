import type { SimRequest } from './cccSimulator';

/**
 * Holds the simulator's answers until the test lets them go, so that a test sees order and overlap without
 * measuring time: how many requests are in flight is how many answers are held.
 */
export class AnswerGate {
	private readonly held: Array<{ readonly request: SimRequest; readonly release: () => void }> = [];

	private readonly watchers: Array<{ readonly holds: () => boolean; readonly resolve: () => void }> = [];

	private opened = false;

	/** The simulator calls this before it answers `request`; it resolves when the answer may go. */
	async pass(request: SimRequest): Promise<void> {
		if (this.opened) return;
		await new Promise<void>((release) => {
			this.held.push({ request, release });
			for (const watcher of this.watchers.filter(({ holds }) => holds())) {
				this.watchers.splice(this.watchers.indexOf(watcher), 1);
				watcher.resolve();
			}
		});
	}

	/** The requests whose answers are held, oldest first. */
	get waiting(): readonly SimRequest[] {
		return this.held.map(({ request }) => request);
	}

	/** Resolves once at least `count` answers are held, or once `condition` holds for the held requests. */
	async until(countOrCondition: number | ((waiting: readonly SimRequest[]) => boolean)): Promise<void> {
		const holds =
			typeof countOrCondition === 'number'
				? () => this.held.length >= countOrCondition
				: () => countOrCondition(this.waiting);
		if (holds()) return;
		await new Promise<void>((resolve) => this.watchers.push({ holds, resolve }));
	}

	/** Lets go the held answers that `which` picks (all by default), oldest first; returns how many. */
	release(which: (request: SimRequest) => boolean = () => true): number {
		const chosen = this.held.filter(({ request }) => which(request));
		for (const entry of chosen) {
			this.held.splice(this.held.indexOf(entry), 1);
			entry.release();
		}
		return chosen.length;
	}

	/** Lets every held and every later answer go. */
	open(): void {
		this.opened = true;
		this.release();
	}
}
