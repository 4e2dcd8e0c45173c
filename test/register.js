// Loads TypeScript for node's test runner the same way cucumber does: ts-node with swc (see tsconfig.json).
require('ts-node').register({ swc: true, transpileOnly: true });
