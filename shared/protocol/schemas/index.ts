export * from './activity';
export * from './board';
export * from './common';
export * from './meeting';
