#!/usr/bin/env node
// Launcher kept in git (and executable) so npm can link the `alams` bin before the TypeScript build runs.
import '../dist/main.js';
