const path = require('node:path');
const { task, src, dest } = require('gulp');

// Icons are not compiled by tsc: copy them beside the compiled nodes and credentials.
function copyIcons() {
	const copies = ['nodes', 'credentials'].map(
		(folder) =>
			new Promise((resolve, reject) => {
				src(`${folder}/**/*.{png,svg}`, { encoding: false })
					.pipe(dest(path.resolve('dist', folder)))
					.on('finish', resolve)
					.on('error', reject);
			}),
	);
	// Finish only when both copies have: the classic starter returned just one of its two streams.
	return Promise.all(copies);
}

task('build:icons', copyIcons);
