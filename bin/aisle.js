#!/usr/bin/env node
// Aisle runs its TypeScript sources directly: Node 24 strips the types, so there is no build step.
import '../src/cli.ts';
