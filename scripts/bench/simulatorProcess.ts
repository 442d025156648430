import { CccSimulator } from '../../simulator/cccSimulator';
import { addLoadInstance, demoDirectory } from '../../simulator/directory';

/**
 * The CCC simulator in a process of its own, so that the benchmark's CPU and memory figures are the client's
 * alone. Arguments: latency in ms, number of load agents. Prints its URL, then serves until killed.
 */
async function main(): Promise<void> {
	const [latencyMs = '0', agents = '1000'] = process.argv.slice(2);
	const directory = demoDirectory();
	addLoadInstance(directory, Number(agents));
	const simulator = new CccSimulator({ directory, latencyMs: Number(latencyMs), log: false });
	console.log(await simulator.start());
}

void main();
