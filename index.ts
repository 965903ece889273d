// Package entry: n8n loads the nodes and credentials listed in package.json's "n8n" block from dist/.
// These re-exports let TypeScript consumers import the classes directly.
export { EzeeWalletApi } from './credentials/EzeeWalletApi.credentials';
export { EzeeWallet } from './nodes/EzeeWallet/EzeeWallet.node';
export { EzeeWalletTrigger } from './nodes/EzeeWallet/EzeeWalletTrigger.node';
export { KazePayApi } from './credentials/KazePayApi.credentials';
export { KazePay } from './nodes/KazePay/KazePay.node';
export { KazePayTrigger } from './nodes/KazePay/KazePayTrigger.node';
