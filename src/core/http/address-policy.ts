import ipaddr from 'ipaddr.js';

/** Decides whether the client may open a connection to one resolved IP address. */
export type AddressPolicy = (ip: string) => boolean;

/**
 * The default policy: only globally routable unicast addresses. Private, loopback, link-local
 * (169.254.0.0/16, with the cloud metadata address), unique-local, CGNAT, multicast,
 * unspecified, reserved and documentation ranges are refused, and so are IPv6 forms that embed
 * an IPv4 address (mapped, NAT64, 6to4, Teredo), since they can reach the same hosts.
 */
export const publicAddressesOnly: AddressPolicy = (ip) => {
  if (!ipaddr.isValid(ip)) return false;
  return ipaddr.process(ip).range() === 'unicast';
};

export const anyAddress: AddressPolicy = () => true;
