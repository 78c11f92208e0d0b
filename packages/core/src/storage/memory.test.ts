import { describe, it } from 'node:test';
import { describeStorageContract } from '../testing/index.js';
import { MemoryStorage } from './memory.js';

describeStorageContract({ name: 'memory', open: () => new MemoryStorage(), describe, it });
