// Runs the checks of n8n's community-package scanner (@n8n/scan-community-package, what n8n runs on every submission)
// on a source folder and on an unpacked tarball, with the file patterns its CLI uses, and prints the results as JSON.
// Its CLI takes only a published package name; the checks themselves are exported.
import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

/** The scanner's tarball leg (`analyzePackageByName`): compiled JavaScript and the published package.json. */
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

const [sourceDir, packageDir] = process.argv.slice(2);
const source = await analyzePackage(sourceDir, SOURCE_FILE_PATTERNS);
const tarball = await analyzePackage(packageDir, TARBALL_FILE_PATTERNS);
const report = ({ passed, message, details }) => ({ passed, message, details });
process.stdout.write(JSON.stringify({ source: report(source), tarball: report(tarball) }));
