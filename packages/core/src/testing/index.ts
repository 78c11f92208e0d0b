export { describeStorageContract, type StorageContractOptions, sampleHeader } from './contract.js';
