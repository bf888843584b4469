export class MyProvider {
  static fromConfig(config: unknown) {
    return new MyProvider();
  }
}
