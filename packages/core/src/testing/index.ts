export { describeStorageContract, type StorageContractOptions, sampleHeader } from './contract.js';
export { TestNetwork } from './network.js';
export { type HeldWrite, type PausingStorage, pausingStorage } from './pausing-storage.js';
