// Package entry (package.json "main"). n8n does not use it: it loads the nodes and credentials listed in
// package.json's "n8n" block from dist/. It lists every class in one place for a plain require() of the
// package (no type declarations are published).
export { EzeeWalletApi } from './credentials/EzeeWalletApi.credentials';
export { EzeeWallet } from './nodes/EzeeWallet/EzeeWallet.node';
export { EzeeWalletTrigger } from './nodes/EzeeWallet/EzeeWalletTrigger.node';
export { KazawalletApi } from './credentials/KazawalletApi.credentials';
export { Kazawallet } from './nodes/Kazawallet/Kazawallet.node';
export { KazawalletTrigger } from './nodes/Kazawallet/KazawalletTrigger.node';
export { KpayApi } from './credentials/KpayApi.credentials';
export { Kpay } from './nodes/Kpay/Kpay.node';
export { KpayTrigger } from './nodes/Kpay/KpayTrigger.node';
export { KashaApi } from './credentials/KashaApi.credentials';
export { Kasha } from './nodes/Kasha/Kasha.node';
export { KashaTrigger } from './nodes/Kasha/KashaTrigger.node';
export { KazePayApi } from './credentials/KazePayApi.credentials';
export { KazePay } from './nodes/KazePay/KazePay.node';
export { KazePayTrigger } from './nodes/KazePay/KazePayTrigger.node';
