export async function warmUpCaches() {}
