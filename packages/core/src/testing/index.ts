export { describeStorageContract, type StorageContractOptions, sampleHeader } from './contract.js';
export { TestNetwork } from './network.js';
